export * from './words';
export * from './mask';
export * from './service-users';
export * from './meetings';
