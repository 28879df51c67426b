// The public ledger, recomputed in the browser (API.md v1.1): hash = lowercase hex SHA-256 of the UTF-8 bytes of
// JSON.stringify([prevHash, seq, type, amount, party, message, reference, at]); party is the donorName shown for
// DONATION and REFUND and the recipient for DISBURSEMENT; message is "" when absent; prevHash of seq 1 is 64 zeros.
export const GENESIS = '0'.repeat(64);

export async function entryHash(e) {
  const party = e.type === 'DISBURSEMENT' ? e.recipient : e.donorName;
  const text = JSON.stringify([e.prevHash, e.seq, e.type, e.amount, party, e.message ?? '', e.reference, e.at]);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Checks a ledger page by page, in order. broken holds the first fault found: {seq, reason} with reason
 * 'sequence' (a gap or reordering), 'link' (prevHash is not the hash before), 'content' (the entry does not hash
 * to its hash) or 'totals' (the totals are not the sums over the entries).
 */
export class ChainCheck {
  constructor() {
    this.prev = GENESIS;
    this.seq = 0;
    this.broken = null;
    this.sums = { DONATION: 0, REFUND: 0, DISBURSEMENT: 0 };
  }

  async add(items) {
    for (const e of items) {
      if (this.broken) return;
      if (e.seq !== this.seq + 1) this.broken = { seq: e.seq, reason: 'sequence' };
      else if (e.prevHash !== this.prev) this.broken = { seq: e.seq, reason: 'link' };
      else if ((await entryHash(e)) !== e.hash) this.broken = { seq: e.seq, reason: 'content' };
      else {
        this.prev = e.hash;
        this.seq = e.seq;
        this.sums[e.type] = (this.sums[e.type] ?? 0) + e.amount;
      }
    }
  }

  /** After the last page: the totals the API states must be the sums over the entries. */
  finish(totals) {
    if (this.broken || !totals) return;
    const { DONATION: donated, REFUND: refunded, DISBURSEMENT: disbursed } = this.sums;
    if (totals.donated !== donated || totals.refunded !== refunded || totals.disbursed !== disbursed
        || totals.balance !== donated - refunded - disbursed) {
      this.broken = { seq: this.seq, reason: 'totals' };
    }
  }
}
