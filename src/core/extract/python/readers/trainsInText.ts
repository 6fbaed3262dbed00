/**
 * Training written anywhere in a module's text (a backward pass, an optimiser, an optimiser step, a `.fit(`): the
 * readers that take a model given weights and asked to produce as an inference run stand back from such a file,
 * whose run is a training run another rule reads.
 */
export const TRAINS_IN_TEXT = /\.backward\(|\boptim\.\w|optimizer\.step\(|\.fit\(/;
