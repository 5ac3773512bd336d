/// <reference path="../pb_data/types.d.ts" />
// The public meets PocketBase's own answers too, and those are English: a broken or foreign body
// on a form ("Something went wrong while processing your request."), a body over the size limit,
// and a guest's 401/403/404/429 from the collection rules, the limiter or an unknown record. This
// answers them in Indonesian. It runs before PocketBase's own middlewares (lowest priority number)
// so it also sees the body-size limit's 413; staff requests keep PocketBase's own wording, which
// the admin UI expects.

routerUse(new Middleware((e) => {
  try {
    return e.next();
  } catch (err) {
    const apiError = err && err.value;
    const status = apiError && apiError.status;
    const path = e.request.url.path;
    if (!status || path.indexOf("/api/") !== 0) throw err;
    const isFormCreate = e.request.method === "POST" && /^\/api\/(collections\/(permohonan|laporan|saran)\/records|lacak\/[^/]+\/survei)\/?$/.test(path);
    if (isFormCreate && status === 413) {
      throw new ApiError(413, "Kiriman terlalu besar. Perkecil foto atau berkas, lalu kirim lagi.", {});
    }
    const data = apiError.data;
    const generic = ["Something went wrong while processing your request.", "Unsupported Content-Type.", "Failed to load the submitted data due to invalid formatting."];
    if (isFormCreate && status === 400 && (!data || Object.keys(data).length === 0) && generic.indexOf(apiError.message) >= 0) {
      throw new BadRequestError("Data yang dikirim tidak dapat dibaca. Muat ulang halaman, lalu isi dan kirim formulir lagi.", {});
    }
    // PocketBase's own wording (ours is Indonesian); inside the handler: each runs isolated.
    const english = /\b(the|not|only|requested|invalid|missing|allowed|requires|too many|wasn't|doesn't|don't|please)\b/i;
    if (!e.auth && english.test(apiError.message || "")) {
      const indonesian = {
        401: "Masuk sebagai petugas terlebih dahulu untuk membuka data ini.",
        403: "Data ini hanya dapat dibuka atau diubah oleh petugas yang berwenang.",
        404: "Data yang diminta tidak ditemukan.",
        429: "Terlalu banyak permintaan dari alamat Anda. Tunggu satu menit, lalu coba lagi.",
      }[status];
      if (indonesian) throw new ApiError(status, indonesian, data || {});
    }
    throw err;
  }
}, -99999, "portalApiMessages"));
