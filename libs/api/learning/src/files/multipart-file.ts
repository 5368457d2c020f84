/** The part of a multer file that the upload services read (memory storage). */
export interface MultipartFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}
