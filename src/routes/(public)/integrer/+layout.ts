// Cards for an <iframe> on other sites: plain HTML and CSS, not a single script (nothing to run in a
// page that is not ours, nothing for its Content-Security-Policy to refuse).
export const csr = false;
