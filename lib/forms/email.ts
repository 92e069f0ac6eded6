// The one rule for an email address the app stores and sends to: a plain mailbox (no display name, no
// list, no spaces or line breaks, so it can never carry a header of its own), a dotted domain.
export function isDeliverableEmail(s: string): boolean {
  return (
    s.length <= 254 &&
    /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/.test(s)
  );
}
