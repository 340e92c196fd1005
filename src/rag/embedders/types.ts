/** What the index needs of an embedder (a leaf module: the embedders, the store and the vectors import it). */
import type { EmbeddingsInterface } from "@langchain/core/embeddings";

/** An embedder the index can record: LangChain's interface plus a stable id and dimension. */
export interface IndexEmbeddings extends EmbeddingsInterface {
  readonly id: string;
  readonly dimensions: number;
  readonly expandsQueries?: boolean;
}
