package id.peduli.local;

import id.peduli.local.testkit.LocalApi;
import id.peduli.local.testkit.LogCapture;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test class: nothing the suite handed out that must stay private (NIKs, phone numbers,
 * officer tokens, reporter tokens, presigned document URLs and their signatures, gateway signatures, keys) appears
 * anywhere in what the functions and the stack (s3proxy and DynamoDB Local included) logged.
 * Needs: the rest of the suite to have run in this JVM (the default); alone, it checks a smaller log.
 */
@Order(Integer.MAX_VALUE)
class PrivacyLogTest {

    @Test
    void logs_containNoNikPhoneTokenSignatureKeyOrDocumentUrl() throws Exception {
        LocalApi.stack();
        LocalApi.Response r = LocalApi.send("POST", "/appeals", "{\"patient\":{\"nik\":\"6408012409200003\"}}",
                "content-type", "application/json");
        assertThat(r.status()).isEqualTo(400);
        // a reporter token, and the upload and download URLs of a document, even when this class runs alone
        LocalApi.Reported reported = LocalApi.report(LocalApi.appealBody("53.01"));
        byte[] pdf = DocumentsApiTest.pdf(64);
        com.fasterxml.jackson.databind.JsonNode announced = DocumentsApiTest.announce(reported, "OTHER", "application/pdf", pdf.length);
        assertThat(DocumentsApiTest.put(announced, pdf)).isEqualTo(200);
        assertThat(DocumentsApiTest.complete(reported, announced.get("id").asText()).status()).isEqualTo(200);
        String url = DocumentsApiTest.officerList(reported.id(), "officer:53.01").get("items").get(0).get("url").asText();
        LocalApi.secrets().forEach(LogCapture::secret);
        LogCapture.secret("6408012409200003");

        String logs = LogCapture.captured();
        List<String> leaked = LogCapture.SECRETS.stream().filter(logs::contains).toList();

        assertThat(LogCapture.SECRETS).hasSizeGreaterThan(5).contains(reported.token(), url,
                announced.get("upload").get("url").asText());
        assertThat(leaked).as("secrets found in the logs").isEmpty();
    }

    @Test
    void theScan_wouldCatchALeak() {
        LogCapture.install();
        String planted = "6474011203900001-planted-" + System.nanoTime();
        System.err.println("a careless line with " + planted);
        assertThat(LogCapture.captured()).contains(planted);
    }
}
