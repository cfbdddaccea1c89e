// The public script's DSFR part (parts.ts): a module of its own, so that the DSFR's code stays in a
// hashed chunk shared with the hydrated layout, which imports it by name; this entry, at a fixed
// address, only points at that chunk.
export { startDsfr } from '$lib/dsfr/script';
