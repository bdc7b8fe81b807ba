/**
 * An account id as the host panel gives it: 1-64 letters, digits or . _ @ + -, not starting with a dot (so
 * never `.` or `..`, which a URL path would resolve away). A UUID when we make one.
 */
export const ACCOUNT_ID = /^[A-Za-z0-9_@+-][A-Za-z0-9._@+-]{0,63}$/;
