/**
 * wx-server-sdk declares its calls as `Promise<T> | void | string` (callback overloads). These
 * narrow what a call returns to the documents we stored, in one place.
 */
export async function docsOf<T>(call: unknown): Promise<T[]> {
  const result: unknown = await call;
  if (result && typeof result === 'object' && 'data' in result && Array.isArray(result.data)) {
    return result.data as T[];
  }
  throw new Error('database answered without a list of documents');
}
