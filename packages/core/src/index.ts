export type * from './horizon/types.js'
export type { ValidationIssue } from './horizon/constraints.js'
