package dev.sqlfeed.jdbc;
