export class XlsxError extends Error { constructor(readonly zh: string, readonly en: string) { super(en); } }
export async function* readSheetRows(_path: string): AsyncIterable<string[][]> { throw new XlsxError("未实现", "not implemented"); }
