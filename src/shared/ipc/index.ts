/**
 * The IPC boundary, by job: the contract (method names, argument and result types, events, the
 * window API's type), the validation of untrusted arguments, and the builder of the window API.
 * Import from here; the renderer and the preload import only types and the API builder.
 */
export * from './contract';
export * from './validate';
export * from './api';
