package dev.sqlfeed.domain;
