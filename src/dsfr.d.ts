declare module '@gouvfr/dsfr/dist/*.module.min.js';
