package id.peduli.local.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a data directory for as long as a stack runs: two stacks writing one DynamoDB Local database
 * would corrupt it. The operating system releases the lock when the process dies, so a killed stack leaves nothing
 * stale behind.
 */
public final class DataDirLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Another stack (this process or another) has the directory. */
    public static final class InUse extends Exception {
        InUse(Path dir) {
            super("another Peduli local stack is using " + dir.toAbsolutePath()
                    + "; stop it, or choose another directory with --data-dir DIR (or --in-memory)", null, false, false);
        }
    }

    public static DataDirLock acquire(Path dir) throws IOException, InUse {
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new InUse(dir);
        }
        return new DataDirLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
