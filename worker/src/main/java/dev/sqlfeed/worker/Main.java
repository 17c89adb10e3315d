package dev.sqlfeed.worker;

public final class Main {
  public static void main(String[] args) {}
}
