export * from './rational';
export * from './score';
export * from './sample';
export * from './conclusions';
export * from './breakdowns';
