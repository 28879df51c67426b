package id.peduli.local;

import id.peduli.local.testkit.LocalApi;
import id.peduli.local.testkit.Notifications;
import static id.peduli.local.testkit.LocalApi.get;
import static id.peduli.local.testkit.LocalApi.midtrans;
import static id.peduli.local.testkit.LocalApi.midtransWebhook;
import static id.peduli.local.testkit.LocalApi.pledge;
import static id.peduli.local.testkit.LocalApi.xenditToken;
import static id.peduli.local.testkit.LocalApi.xenditWebhook;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.peduli.core.domain.DonationStatus;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * For random interleavings of duplicate, late and out-of-order notifications over several donations, the ledger,
 * the appeal's totals and the donations' own states always agree with the state machine.
 * Needs: nothing but the JDK (each try drives the local API against DynamoDB Local).
 */
class CreditingPropertyTest {

    enum Kind { SETTLE, EXPIRE, FAIL, REFUND, PENDING }

    record Event(int donation, Kind kind, boolean twiceAtOnce) {}

    @Provide
    Arbitrary<List<Event>> histories() {
        Arbitrary<Event> event = Combinators.combine(
                Arbitraries.integers().between(0, 3),
                Arbitraries.of(Kind.class),
                Arbitraries.of(true, false)).as(Event::new);
        return event.list().ofMinSize(1).ofMaxSize(14);
    }

    @Property(tries = 12, shrinking = ShrinkingMode.OFF)
    void ledgerTotalsAndDonations_agree(@ForAll("histories") List<Event> history) throws Exception {
        String appeal = LocalApi.verifiedAppeal("64.11", 2_000_000_000);
        List<JsonNode> pledges = new ArrayList<>();
        List<DonationStatus> model = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pledges.add(pledge(appeal, 10_000 + 1_000L * i, i % 2 == 0 ? "midtrans" : "xendit"));
            model.add(DonationStatus.PENDING);
        }

        for (Event e : history) {
            JsonNode p = pledges.get(e.donation());
            DonationStatus target = switch (e.kind()) {
                case SETTLE -> DonationStatus.SETTLED;
                case EXPIRE -> DonationStatus.EXPIRED;
                case FAIL -> DonationStatus.FAILED;
                case REFUND -> DonationStatus.REFUNDED;
                case PENDING -> null;
            };
            boolean xendit = p.get("provider").asText().equals("xendit");
            if (xendit && (e.kind() == Kind.FAIL || e.kind() == Kind.REFUND)) {
                continue; // Xendit invoice callbacks carry no such statuses
            }
            int times = e.twiceAtOnce() ? 2 : 1;
            List<Integer> statuses = PaymentsApiTest.concurrently(times, () -> deliver(p, e.kind(), xendit));
            assertThat(statuses).containsOnly(200);
            DonationStatus current = model.get(e.donation());
            if (target != null && current.canBecome(target)) {
                model.set(e.donation(), target);
            }
        }

        long settled = 0;
        long refunded = 0;
        long credited = 0;
        for (int i = 0; i < pledges.size(); i++) {
            JsonNode receipt = PaymentsApiTest.receipt(pledges.get(i));
            assertThat(receipt.get("status").asText()).as("donation " + i).isEqualTo(model.get(i).name());
            long amount = pledges.get(i).get("amount").asLong();
            if (model.get(i) == DonationStatus.SETTLED) {
                settled += amount;
                credited++;
            } else if (model.get(i) == DonationStatus.REFUNDED) {
                refunded += amount;
                credited++;
            }
        }
        JsonNode totals = get("/appeals/" + appeal + "/ledger").json().get("totals");
        assertThat(totals.get("donated").asLong()).isEqualTo(settled + refunded);
        assertThat(totals.get("refunded").asLong()).isEqualTo(refunded);
        assertThat(totals.get("balance").asLong()).isEqualTo(settled);
        assertThat(totals.get("donationCount").asLong()).isEqualTo(credited);
        assertThat(get("/appeals/" + appeal).json().get("raisedAmount").asLong()).isEqualTo(settled);
        assertThat(LedgerApiTest.verify(appeal)).isEmpty();
    }

    private static int deliver(JsonNode pledge, Kind kind, boolean xendit) {
        String order = pledge.get("orderId").asText();
        long amount = pledge.get("amount").asLong();
        if (xendit) {
            String status = switch (kind) {
                case SETTLE -> "PAID";
                case EXPIRE -> "EXPIRED";
                default -> "PENDING";
            };
            return xenditWebhook(Notifications.xendit(order, status, amount, kind == Kind.SETTLE ? amount : null), xenditToken()).status();
        }
        String status = switch (kind) {
            case SETTLE -> "settlement";
            case EXPIRE -> "expire";
            case FAIL -> "deny";
            case REFUND -> "refund";
            case PENDING -> "pending";
        };
        return midtransWebhook(midtrans(order, status, amount + ".00", kind == Kind.SETTLE ? "accept" : null)).status();
    }
}
