// The wire contract of Parley: what travels between the api and its clients.
// The widget and console import types and the constants below; only the api validates.
export * from './business-hours.ts';
export * from './canned-rest.ts';
export * from './constants.ts';
export * from './entities.ts';
export * from './errors.ts';
export * from './events.ts';
export * from './frames.ts';
export * from './identity-rest.ts';
export * from './label-rest.ts';
export * from './member-rest.ts';
export * from './reconnect.ts';
export * from './rest.ts';
export * from './search-rest.ts';
export * from './team-rest.ts';
export * from './visitor-rest.ts';
export * from './widget-availability.ts';
