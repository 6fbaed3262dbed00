/**
 * Text that trains: a backward pass, an optimizer built or stepped, a Keras `fit`. Readers of loaded or served models
 * stop on a file holding any of these (the file trains, and its training rules read it).
 */
export const TRAINS_HERE = /\.backward\(|\boptim\.\w|optimizer\.step\(|\.fit\(/;
