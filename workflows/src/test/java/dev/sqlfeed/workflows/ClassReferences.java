package dev.sqlfeed.workflows;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a compiled class refers to, read from its constant pool: the classes it names, the members
 * it uses ({@code owner.name}) and the type descriptors it mentions. Enough to tell whether a class
 * calls a clock, a thread or I/O, without a bytecode library.
 */
record ClassReferences(Set<String> classes, Set<String> members, Set<String> descriptors) {
  private static final int UTF8 = 1;
  private static final int CLASS = 7;
  private static final int FIELD = 9;
  private static final int METHOD = 10;
  private static final int INTERFACE_METHOD = 11;
  private static final int NAME_AND_TYPE = 12;

  static ClassReferences of(Path classFile) throws IOException {
    try (InputStream in = Files.newInputStream(classFile)) {
      return read(new DataInputStream(in));
    }
  }

  static ClassReferences of(Class<?> type) throws IOException {
    String resource = "/" + type.getName().replace('.', '/') + ".class";
    try (InputStream in = type.getResourceAsStream(resource)) {
      return read(new DataInputStream(in));
    }
  }

  private static ClassReferences read(DataInputStream in) throws IOException {
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    int[] tags = new int[count];
    int[] first = new int[count];
    int[] second = new int[count];
    String[] utf8 = new String[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      tags[i] = tag;
      switch (tag) {
        case UTF8 -> utf8[i] = in.readUTF();
        case 3, 4 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++;
        }
        case CLASS, 8, 16, 19, 20 -> first[i] = in.readUnsignedShort();
        case FIELD, METHOD, INTERFACE_METHOD, NAME_AND_TYPE, 17, 18 -> {
          first[i] = in.readUnsignedShort();
          second[i] = in.readUnsignedShort();
        }
        case 15 -> {
          in.readUnsignedByte();
          in.readUnsignedShort();
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    Set<String> classes = new HashSet<>();
    Set<String> members = new HashSet<>();
    List<String> descriptors = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      if (tags[i] == CLASS) {
        classes.add(utf8[first[i]]);
      } else if (tags[i] == FIELD || tags[i] == METHOD || tags[i] == INTERFACE_METHOD) {
        String owner = utf8[first[first[i]]];
        int nameAndType = second[i];
        members.add(owner + "." + utf8[first[nameAndType]]);
      } else if (tags[i] == UTF8 && utf8[i].contains("L") && utf8[i].contains(";")) {
        descriptors.add(utf8[i]);
      }
    }
    return new ClassReferences(Set.copyOf(classes), Set.copyOf(members), Set.copyOf(descriptors));
  }
}
