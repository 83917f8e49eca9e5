"""Qt item models over the core's data, and the delegates that paint their rows."""
