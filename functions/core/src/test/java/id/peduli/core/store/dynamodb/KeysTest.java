package id.peduli.core.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class KeysTest {

    /** The officers' view reads an appeal's partition below L# in one query; nothing of the ledger may sort there. */
    @Test
    void everythingButTheLedgerSortsBeforeItsEntries() {
        List<String> officerItems = List.of(Keys.APPEAL, Keys.anomalySk("peduli-abc", "50000.00"),
                Keys.anomalySk("~~~~", "~"), Keys.historySk("2026-11-22T14:05:09.120Z", 1),
                Keys.historySk("9999-12-31T23:59:59.999Z", 999_999_999L), Keys.LEDGER_HEAD,
                Keys.document("x", "zzzzzzzzzzzzzzzzzzzzzz").get(Keys.SK).s(), Keys.DOCUMENT_COUNT);
        for (String sk : officerItems) {
            assertThat(sk.compareTo(Keys.LEDGER_PREFIX)).as(sk).isNegative();
        }
        assertThat(Keys.ledgerSk(1).compareTo(Keys.LEDGER_PREFIX)).isPositive();
        assertThat(Keys.ledgerSk(0)).startsWith(Keys.LEDGER_PREFIX);
    }

    @Test
    void itemsAreToldApartBySortKey() {
        assertThat(Keys.kind(Keys.appeal("x"))).isEqualTo(Keys.Kind.APPEAL);
        assertThat(Keys.kind(Keys.ledgerHead("x"))).isEqualTo(Keys.Kind.LEDGER_HEAD);
        assertThat(Keys.kind(item(Keys.historySk("2026-11-22T14:05:09.120Z", 3)))).isEqualTo(Keys.Kind.HISTORY);
        assertThat(Keys.kind(item(Keys.anomalySk("peduli-abc", "1.00")))).isEqualTo(Keys.Kind.ANOMALY);
        assertThat(Keys.kind(Keys.document("x", "AAAAAAAAAAAAAAAAAAAAAA"))).isEqualTo(Keys.Kind.DOCUMENT);
        assertThat(Keys.kind(Keys.documentCount("x"))).isEqualTo(Keys.Kind.OTHER);
        assertThat(Keys.kind(Keys.ledger("x", 7))).isEqualTo(Keys.Kind.OTHER);
    }

    private static Map<String, AttributeValue> item(String sk) {
        return Keys.key(Keys.appealPk("x"), sk);
    }
}
