/// <reference path="../pb_data/types.d.ts" />
// The public forms' create endpoints answer in Indonesian even when PocketBase itself refuses
// the request before any hook sees it (a broken or foreign body, too many parts, too large):
// its own answer there is "Something went wrong while processing your request.". Runs before
// PocketBase's own middlewares (lowest priority number) so it also sees the body-size limit's 413.
routerUse(new Middleware((e) => {
  try {
    return e.next();
  } catch (err) {
    const apiError = err && err.value;
    const status = apiError && apiError.status;
    const path = e.request.url.path;
    if (e.request.method !== "POST" || !/^\/api\/collections\/(permohonan|laporan|saran|survei_kepuasan)\/records\/?$/.test(path)) throw err;
    if (status === 413) {
      throw new ApiError(413, "Kiriman terlalu besar. Perkecil foto atau berkas, lalu kirim lagi.", {});
    }
    const data = apiError && apiError.data;
    const generic = ["Something went wrong while processing your request.", "Unsupported Content-Type.", "Failed to load the submitted data due to invalid formatting."];
    if (status === 400 && (!data || Object.keys(data).length === 0) && generic.indexOf(apiError.message) >= 0) {
      throw new BadRequestError("Data yang dikirim tidak dapat dibaca. Muat ulang halaman, lalu isi dan kirim formulir lagi.", {});
    }
    throw err;
  }
}, -99999, "portalFormErrors"));
