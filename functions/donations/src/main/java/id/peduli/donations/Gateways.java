package id.peduli.donations;

import id.peduli.core.Config;
import id.peduli.core.domain.Provider;
import id.peduli.donations.gateway.GatewayHttp;
import id.peduli.donations.gateway.MidtransGateway;
import id.peduli.donations.gateway.PaymentGateway;
import id.peduli.donations.gateway.XenditGateway;
import java.util.EnumMap;
import java.util.Map;

/** The payment providers a function talks to, built once per container from its configuration. */
public final class Gateways {
    private final Map<Provider, PaymentGateway> byProvider;

    public Gateways(PaymentGateway midtrans, PaymentGateway xendit) {
        byProvider = new EnumMap<>(Provider.class);
        byProvider.put(Provider.MIDTRANS, midtrans);
        byProvider.put(Provider.XENDIT, xendit);
    }

    public PaymentGateway of(Provider provider) {
        return byProvider.get(provider);
    }

    private static final class Default {
        static final Gateways INSTANCE = fromConfiguration();
    }

    /** The container's gateways: the providers' URLs and keys from the environment. */
    public static Gateways fromEnvironment() {
        return Default.INSTANCE;
    }

    private static Gateways fromConfiguration() {
        return new Gateways(
                new MidtransGateway(new GatewayHttp(Config.require("MIDTRANS_SERVER_KEY")),
                        Config.require("MIDTRANS_SNAP_URL"), Config.require("MIDTRANS_API_URL")),
                new XenditGateway(new GatewayHttp(Config.require("XENDIT_SECRET_KEY")),
                        Config.require("XENDIT_API_URL")));
    }
}
