package dev.sqlfeed.jdbc;

import static dev.sqlfeed.jdbc.StoreSchema.DESCRIPTION;
import static dev.sqlfeed.jdbc.StoreSchema.DISPLAY_NAME;
import static dev.sqlfeed.jdbc.StoreSchema.ENTITLEMENT;
import static dev.sqlfeed.jdbc.StoreSchema.GRANTABLE_TO;
import static dev.sqlfeed.jdbc.StoreSchema.PARENT_ID;
import static dev.sqlfeed.jdbc.StoreSchema.PARENT_TYPE;
import static dev.sqlfeed.jdbc.StoreSchema.PRINCIPAL_ID;
import static dev.sqlfeed.jdbc.StoreSchema.PRINCIPAL_TYPE;
import static dev.sqlfeed.jdbc.StoreSchema.PURPOSE;
import static dev.sqlfeed.jdbc.StoreSchema.RESOURCE_ID;
import static dev.sqlfeed.jdbc.StoreSchema.RESOURCE_TYPE;
import static dev.sqlfeed.jdbc.StoreSchema.TRAITS;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.table;

import dev.sqlfeed.domain.error.StoreException;
import dev.sqlfeed.domain.mirror.CanonicalJson;
import dev.sqlfeed.domain.mirror.Entitlement;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.MirrorRecord;
import dev.sqlfeed.domain.mirror.Resource;
import dev.sqlfeed.domain.mirror.ResourceRef;
import dev.sqlfeed.ports.MirrorChange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * One kind of mirror record and its two tables: the mirror ({@code resources}, keyed by app and key
 * fields) and the staging table of running full syncs ({@code stage_resources}, keyed by run id and
 * key fields). Every column is a string; traits and grantable-to lists are canonical JSON.
 */
enum MirrorTable {
  RESOURCES(
      "resources",
      List.of(RESOURCE_TYPE, RESOURCE_ID),
      List.of(DISPLAY_NAME, DESCRIPTION, PARENT_TYPE, PARENT_ID, TRAITS)),
  ENTITLEMENTS(
      "entitlements",
      List.of(RESOURCE_TYPE, RESOURCE_ID, ENTITLEMENT),
      List.of(DISPLAY_NAME, DESCRIPTION, PURPOSE, GRANTABLE_TO)),
  GRANTS(
      "grants",
      List.of(RESOURCE_TYPE, RESOURCE_ID, ENTITLEMENT, PRINCIPAL_TYPE, PRINCIPAL_ID),
      List.of());

  private final Table<Record> mirror;
  private final Table<Record> stage;
  private final List<Field<String>> keys;
  private final List<Field<String>> attributes;
  private final List<Field<String>> columns;

  MirrorTable(String name, List<Field<String>> keys, List<Field<String>> attributes) {
    this.mirror = table(DSL.name(name));
    this.stage = table(DSL.name("stage_" + name));
    this.keys = keys;
    this.attributes = attributes;
    List<Field<String>> all = new ArrayList<>(keys);
    all.addAll(attributes);
    this.columns = List.copyOf(all);
  }

  static MirrorTable of(MirrorRecord record) {
    if (record instanceof Resource) {
      return RESOURCES;
    }
    return record instanceof Entitlement ? ENTITLEMENTS : GRANTS;
  }

  Table<Record> mirror() {
    return mirror;
  }

  Table<Record> stage() {
    return stage;
  }

  /** The key fields, in canonical sort order. */
  List<Field<String>> keys() {
    return keys;
  }

  /** The columns that are not keys. */
  List<Field<String>> attributes() {
    return attributes;
  }

  /** Keys, then attributes. */
  List<Field<String>> columns() {
    return columns;
  }

  /**
   * An upsert of {@code columns} into {@code target}, this kind's mirror or staging table, keyed by
   * {@code first} (the app or the run id) and the key fields: a row already there gets the new
   * attributes.
   */
  Query upsert(DSLContext db, Table<Record> target, Field<?> first, List<Field<?>> columns) {
    List<Field<?>> key = StoreSchema.qualified(target, StoreSchema.withFirst(first, keys));
    // Grants have no columns besides their key; re-setting a key column is the portable no-op.
    List<Field<String>> updated = attributes.isEmpty() ? keys.subList(0, 1) : attributes;
    Map<Field<?>, Field<?>> set = new LinkedHashMap<>();
    updated.forEach(column -> set.put(column, excluded(column)));
    return db.insertInto(target, columns)
        .values(BatchStatement.slots(columns))
        .onConflict(key)
        .doUpdate()
        .set(set);
  }

  /** The record's values in {@link #columns()} order. */
  List<String> values(MirrorRecord record) {
    if (record instanceof Resource r) {
      return values(r, CanonicalJson.write(r.traits()));
    }
    ResourceRef resource = record.resource();
    if (record instanceof Entitlement e) {
      return Arrays.asList(
          resource.resourceType(),
          resource.resourceId(),
          e.entitlement(),
          e.displayName(),
          e.description(),
          e.purpose(),
          CanonicalJson.write(e.grantableTo()));
    }
    Grant g = (Grant) record;
    return List.of(
        resource.resourceType(),
        resource.resourceId(),
        g.entitlement(),
        g.principal().resourceType(),
        g.principal().resourceId());
  }

  /** A put's resource's values in {@link #columns()} order, with the JSON it wrote already. */
  static List<String> values(MirrorChange.PutResource put) {
    return values(put.resource(), put.traitsJson());
  }

  private static List<String> values(Resource r, String traitsJson) {
    ResourceRef resource = r.resource();
    ResourceRef parent = r.parent();
    return Arrays.asList(
        resource.resourceType(),
        resource.resourceId(),
        r.displayName(),
        r.description(),
        parent == null ? null : parent.resourceType(),
        parent == null ? null : parent.resourceId(),
        traitsJson);
  }

  /** The record in a row that holds {@link #columns()}. */
  MirrorRecord read(Record row) {
    ResourceRef resource = new ResourceRef(row.get(RESOURCE_TYPE), row.get(RESOURCE_ID));
    return switch (this) {
      case RESOURCES -> {
        String parentType = row.get(PARENT_TYPE);
        ResourceRef parent =
            parentType == null ? null : new ResourceRef(parentType, row.get(PARENT_ID));
        yield new Resource(
            resource,
            row.get(DISPLAY_NAME),
            row.get(DESCRIPTION),
            parent,
            json(row.get(TRAITS), Map.class, resource));
      }
      case ENTITLEMENTS ->
          new Entitlement(
              resource,
              row.get(ENTITLEMENT),
              row.get(DISPLAY_NAME),
              row.get(DESCRIPTION),
              row.get(PURPOSE),
              json(row.get(GRANTABLE_TO), List.class, resource));
      case GRANTS ->
          new Grant(
              resource,
              row.get(ENTITLEMENT),
              new ResourceRef(row.get(PRINCIPAL_TYPE), row.get(PRINCIPAL_ID)));
    };
  }

  @SuppressWarnings("unchecked")
  private static <T> T json(String text, Class<?> expected, ResourceRef owner) {
    try {
      Object value = CanonicalJsonParser.parse(text);
      if (expected.isInstance(value)) {
        return (T) value;
      }
    } catch (IllegalArgumentException e) {
      throw corrupt(owner, e.getMessage());
    }
    throw corrupt(owner, "expected a JSON " + (expected == Map.class ? "object" : "array"));
  }

  private static StoreException corrupt(ResourceRef owner, String why) {
    return new StoreException(
        StoreException.Kind.QUERY_FAILED,
        false,
        "the sync store holds unreadable JSON for "
            + owner.resourceType()
            + " "
            + owner.resourceId()
            + ": "
            + why,
        null);
  }
}
