package id.peduli.donations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.domain.DomainException;
import id.peduli.core.domain.Donation;
import id.peduli.core.domain.DonationStatus;
import id.peduli.core.domain.Ids;
import id.peduli.core.domain.Times;
import id.peduli.core.http.HttpFunction;
import id.peduli.core.http.HttpRequest;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.http.Json;
import id.peduli.core.store.Stores;
import id.peduli.core.wiring.Wiring;

/**
 * {@code GET /donations/{id}}: the donor's receipt. While PENDING it says where to pay; once credited it carries the
 * {@code seq} and {@code hash} of its ledger entry: a witness that makes a rewrite of the chain detectable by anyone
 * who kept a receipt. It shows no e-mail and nothing the donor did not choose to make public.
 */
public final class ReceiptHandler extends HttpFunction {
    private final Stores stores;

    public ReceiptHandler() {
        this(Wiring.stores());
    }

    public ReceiptHandler(Stores stores) {
        this.stores = stores;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String id = request.path("id");
        Donation d = Ids.wellFormed(id).flatMap(stores.donations()::byId)
                .orElseThrow(() -> new DomainException.NotFound("No donation with this id."));
        ObjectNode receipt = Json.object();
        receipt.put("id", d.id());
        receipt.put("appealId", d.appealId());
        receipt.put("amount", d.amount().value());
        receipt.put("provider", d.provider().wireName());
        receipt.put("status", d.status().name());
        receipt.put("createdAt", Times.format(d.createdAt()));
        receipt.put("expiresAt", Times.format(d.expiresAt()));
        if (d.settledAt() != null) {
            receipt.put("settledAt", Times.format(d.settledAt()));
        }
        if (d.status() == DonationStatus.PENDING && d.payment() != null) {
            ObjectNode payment = receipt.putObject("payment");
            payment.put("url", d.payment().url());
            payment.put("providerReference", d.payment().reference());
        }
        if (d.ledgerSeq() != null) {
            receipt.put("ledgerSeq", d.ledgerSeq());
            receipt.put("ledgerHash", d.ledgerHash());
        }
        return HttpResponse.json(200, receipt);
    }
}
