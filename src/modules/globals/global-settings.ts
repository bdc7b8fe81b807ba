/**
 * The platform settings and their defaults. "Exchange hosting" is the panel's
 * Plans → Globals → Hosting Platforms switch and is off on a new install.
 */
export interface GlobalSettings {
  exchangeHostingEnabled: boolean;
}

export const GLOBAL_SETTING_DEFAULTS: GlobalSettings = {
  exchangeHostingEnabled: false,
};

export type GlobalSettingKey = keyof GlobalSettings;

export const GLOBAL_SETTING_KEYS = Object.keys(GLOBAL_SETTING_DEFAULTS) as GlobalSettingKey[];
