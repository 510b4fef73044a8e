export * from './model';
export * from './body';
export * from './richText';
export * from './publication';
