"""Online-Bürgerservice: service catalogue, online applications, case tracking, inbox."""
