"""Curbwatch: offline reference for China's 2025 export controls."""

__version__ = "0.1.0"
APP_NAME = "Curbwatch"
APP_ID = "io.github.curbwatch.Curbwatch"
