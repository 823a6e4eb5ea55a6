/** The chunk a failed attempt loads: the retry policy and the redaction of credential answers. */
export { redactAnswer } from './redact-answer.js'
export { retryDecision, retryDefaults } from './retry.js'
