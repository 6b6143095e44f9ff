// Types of docs-llms.mjs for the tests.
export function llmsTxt(): string;
