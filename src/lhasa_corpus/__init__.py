"""lhasa_corpus: turn PDF-extracted 拉萨日报 page text into a clean, faithful, citable corpus."""
