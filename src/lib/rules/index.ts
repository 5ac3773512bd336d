// Entry point of the rules shared by the browser and the PocketBase hooks. The hooks get a
// CommonJS bundle of this file (scripts/lib/server-build.mjs), so nothing here may touch the DOM,
// Node or any npm package.
export * from './nik';
export * from './phone';
export * from './tracking-code';
export * from './working-time';
export * from './stages';
export * from './application';
export * from './applicant';
export * from './workflow';
export * from './ikm';
export * from './report';
export * from './image-size';
export * from './saran';
export * from './text';
export * from './disclosure';
export * from './sop-flow';
export * from './notify';
export * from './proof';
