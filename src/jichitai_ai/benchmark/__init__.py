"""Speed and memory benchmarks shipped with the product (``jichitai-ai bench``)."""
