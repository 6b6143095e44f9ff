/** Put in the environment of the e2e build; it must not end up in the built demo. */
export const BUILD_CANARY_KEY = 'sk_live_e2e_build_canary_5f1d';
