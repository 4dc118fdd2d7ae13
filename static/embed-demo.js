// Placeholder for the embedding demo (to be replaced).
