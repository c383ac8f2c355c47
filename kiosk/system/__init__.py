"""What the kiosk tells, and asks of, the operating system it runs on: systemd's notify
socket, and the X server's screen saver. Plain Python, no Qt."""
