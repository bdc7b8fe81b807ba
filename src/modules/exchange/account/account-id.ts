/** An account id as the host panel gives it: 1-64 letters, digits or . _ @ + - (a UUID when we make one). */
export const ACCOUNT_ID = /^[A-Za-z0-9._@+-]{1,64}$/;
