"""Findings turned into text for people and JSON for scripts; reports never compute."""
