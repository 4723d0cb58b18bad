"""Segmentation, chunking, embedding backends, Chroma + BM25 stores and the atomic index build."""
