package dev.sqlfeed.worker;
