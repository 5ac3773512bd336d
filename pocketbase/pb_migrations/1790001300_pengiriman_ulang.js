/// <reference path="../pb_data/types.d.ts" />
// A suggestion and a survey answer sent again after a lost answer (the phone's signal dropped
// after the server stored it) must not be stored twice: like an application or a report, each
// send carries the id the phone made for it, unique per collection when given.
const COLLECTIONS = ["saran", "survei_kepuasan"];
const indexOf = (name) => "CREATE UNIQUE INDEX idx_" + name + "_pengiriman ON " + name + " (id_pengiriman) WHERE id_pengiriman != ''";
migrate(
  (app) => {
    for (const name of COLLECTIONS) {
      const collection = app.findCollectionByNameOrId(name);
      collection.fields.add(
        new TextField({
          name: "id_pengiriman",
          max: 64,
          pattern: "^[A-Za-z0-9-]{16,64}$",
          help: "Kode unik dari perangkat pengirim agar pengiriman ulang tidak tercatat dua kali. Dibuat otomatis.",
        }),
      );
      collection.indexes = collection.indexes.concat([indexOf(name)]);
      app.save(collection);
    }
  },
  (app) => {
    for (const name of COLLECTIONS) {
      const collection = app.findCollectionByNameOrId(name);
      collection.indexes = collection.indexes.filter((i) => i !== indexOf(name));
      collection.fields.removeByName("id_pengiriman");
      app.save(collection);
    }
  },
);
