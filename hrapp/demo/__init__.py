"""Demo data: a realistic service company (hotel, travel agency, visitor centre) for trying the system out."""
