import { layerConfig } from './layerConfig.mjs';

export default layerConfig('components');
