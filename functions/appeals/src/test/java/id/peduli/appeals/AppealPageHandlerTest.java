package id.peduli.appeals;

import static id.peduli.core.testing.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.AppealStatus;
import id.peduli.core.domain.Donation;
import id.peduli.core.domain.DonationStatus;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.service.Ledger;
import id.peduli.core.store.memory.InMemoryStores;
import id.peduli.core.testing.Fixtures;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The served appeal page on in-memory stores, with the page packaged from web/: what the first screen needs is in the
 * HTML (the donate form or the closed notice, the ledger's totals and first entries), and the link preview carries
 * none of the ledger's or the patient's personal data.
 */
class AppealPageHandlerTest {
    private final InMemoryStores memory = new InMemoryStores(Fixtures.CLOCK);
    private final AppealPageHandler handler = new AppealPageHandler(memory.stores(), AppealPage::fromClasspath);

    @BeforeAll
    static void configure() {
        Fixtures.configure();
    }

    private Appeal appealWithDonations(int donations) {
        Appeal appeal = Fixtures.appeal(AppealStatus.VERIFIED, Fixtures.BONTANG, 100_000_000);
        memory.given(appeal);
        Ledger ledger = new Ledger(memory.stores());
        for (int i = 1; i <= donations; i++) {
            Donation d = Fixtures.pledge(appeal.id(), 10_000 + i, "Rina " + i, false, i == 1 ? "Semoga <b>lekas</b> sembuh" : null);
            memory.given(d);
            ledger.apply(d, DonationStatus.SETTLED, Fixtures.NOW);
        }
        return appeal;
    }

    private String page(Appeal appeal) {
        HttpResponse r = handler.respond(request("", Map.of(), Map.of(), "id", appeal.id()), null);
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    @Test
    void theFirstScreen_isServed_theFormTotalsAndTheFirstTwentyEntries() {
        Appeal appeal = appealWithDonations(22);

        String html = page(appeal);

        assertThat(html).contains("<form id=\"donate\" class=\"card\" novalidate>", "<p id=\"donate-closed\" class=\"notice\" hidden></p>");
        long donated = 22 * 10_000 + (22 * 23) / 2;
        assertThat(html).contains("<dt>Donasi masuk</dt><dd class=\"money\">" + AppealPage.rupiah(donated) + "</dd>");
        assertThat(html).contains("<li id=\"e1\"><div class=\"row\"><strong>#1</strong><span>Donasi dari Rina 1</span>"
                + "<span class=\"amount\">+Rp 10.001</span></div><p>\u201cSemoga &lt;b&gt;lekas&lt;/b&gt; sembuh\u201d</p>");
        // NOW is 14:05 UTC: 21.05 in Jakarta
        assertThat(html).contains("<p class=\"muted\">22 Nov 2026, 21.05</p>");
        assertThat(count(html, "<li id=\"e")).isEqualTo(AppealPageHandler.LEDGER_ENTRIES);
        assertThat(html).contains("<li id=\"e20\">").doesNotContain("<li id=\"e21\"", "{{", "<b>lekas");
    }

    @Test
    void anAppealThatTakesNoMoreDonations_servesItsNotice_andNoForm() {
        Appeal appeal = Fixtures.appeal(AppealStatus.CLOSED, Fixtures.BONTANG, 100_000_000);
        memory.given(appeal);

        String html = page(appeal);

        assertThat(html).contains("<form id=\"donate\" class=\"card\" novalidate hidden>",
                "<p id=\"donate-closed\" class=\"notice\">Galang dana ini sudah ditutup dan tidak menerima donasi baru.</p>");
    }

    @Test
    void theLinkPreview_carriesNoneOfTheLedgersOrThePatientsPersonalData() {
        Appeal appeal = appealWithDonations(2);

        String html = page(appeal);

        Matcher og = Pattern.compile("<meta (?:property=\"og:[a-z_]+\"|name=\"description\") content=\"([^\"]*)\">").matcher(html);
        StringBuilder preview = new StringBuilder();
        while (og.find()) {
            preview.append(og.group(1)).append('\n');
        }
        assertThat(preview).contains("Aisyah", "Kota Bontang")
                .doesNotContain("Rina", "Semoga", "6474011203900001", "1990", "Cendana", "Rahmat", "081298765432", "Demam");
        assertThat(html).doesNotContain("6474011203900001", "Cendana", "Rahmat", "081298765432");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
