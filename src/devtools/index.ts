/**
 * `@sensei/react/devtools`: see the gate, the waits, the retries and the operations. Its own
 * entry, so the main one does not grow; load it lazily in development (README: "Devtools").
 * Styles: `@sensei/react/devtools.css`.
 */
export { SenseiDevtools, type SenseiDevtoolsProps } from './SenseiDevtools.js';
export { SenseiDevtoolsPanel, type SenseiDevtoolsPanelProps } from './SenseiDevtoolsPanel.js';
export { senseiDevtoolsPlugin, type SenseiDevtoolsPlugin } from './senseiDevtoolsPlugin.js';
export { senseiErrorResponses, senseiErrorTypes, toSenseiErrorResponse, type SenseiDevtoolsErrorType, type SenseiErrorResponse } from './senseiErrorTypes.js';
export { senseiMockScenarios, type SenseiMockScenarioPreset } from './senseiMockScenarios.js';
export { defaultDevtoolsLabels, type SenseiDevtoolsLabels } from './devtoolsLabels.js';
export {
  MAX_ERRORS,
  SenseiDevtoolsStore,
  type DevtoolsError,
  type DevtoolsHeaderSources,
  type DevtoolsSnapshot,
  type DevtoolsWaitingRequest,
} from './SenseiDevtoolsStore.js';
