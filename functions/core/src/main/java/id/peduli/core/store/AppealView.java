package id.peduli.core.store;

import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.Totals;

/** An appeal with its ledger totals, as public views show it. */
public record AppealView(Appeal appeal, Totals totals) {}
